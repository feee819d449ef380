import type { ErrorCode } from '@shared/contract';
import type { FieldProblem } from '@shared/register/rules';

/** An expected refusal of a service call, with a German message for the user. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}
