import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import { writeFileDurable } from './durableWrite';

/**
 * lowdb adapter with durable writes (see durableWrite.ts) and a decoder that validates what is read,
 * instead of lowdb's JSONFile, which neither fsyncs nor validates.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly decode: (text: string) => T,
    private readonly encode: (data: T) => string = (data) => JSON.stringify(data),
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.decode(text);
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.file, this.encode(data));
  }
}
