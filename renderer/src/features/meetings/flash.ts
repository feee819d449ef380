import { handOver } from '../../ui/handOver';

/** A one-time message handed from an editor to the list it returns to ("… in den Papierkorb gelegt"). */
export const meetingFlash = handOver<string>();
