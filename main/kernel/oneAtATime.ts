/**
 * Jobs run one after another, each once the one before has ended (however it ended): the hub's
 * scheduled work (backups, the monthly report pack) never overlaps itself, whether a job was asked
 * by its minute's tick, the board or an operator.
 */
export class OneAtATime {
  private chain: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.chain.then(job);
    this.chain = next.catch(() => {});
    return next;
  }

  /** Resolves once every job asked so far has ended. */
  idle(): Promise<void> {
    return this.chain.then(() => {});
  }
}
