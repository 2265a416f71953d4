// Keeps track of a store's operations in flight, so closing can wait for them and refuse new ones.
import { StorageClosedError } from './appStorage';

export class OperationsInFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** Runs the operation, unless the store is closed (then it rejects with StorageClosedError). */
  track<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StorageClosedError());
    const running = operation();
    this.running.add(running);
    const forget = () => this.running.delete(running);
    running.then(forget, forget);
    return running;
  }

  /** Refuses new operations from now on, and resolves when those in flight have settled. */
  async closeAndDrain(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running]);
  }
}
