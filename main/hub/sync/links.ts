/**
 * Which terminals' links to the hub have dropped: a terminal seen connected since the hub started
 * whose every socket has gone since. A terminal not seen since the start does not count as dropped:
 * after a restart every terminal is unseen for the seconds it takes to come back, and commands run
 * without sockets (a hub's own CLI, tests) have no links at all.
 */
export class TerminalLinks {
  /** Open sockets per terminal seen since the start (a terminal may hold several: limits.socketsPerTerminal). */
  private readonly open = new Map<string, number>();

  connected(terminalId: string): void {
    this.open.set(terminalId, (this.open.get(terminalId) ?? 0) + 1);
  }

  disconnected(terminalId: string): void {
    this.open.set(terminalId, Math.max(0, (this.open.get(terminalId) ?? 1) - 1));
  }

  dropped(terminalId: string): boolean {
    return this.open.get(terminalId) === 0;
  }
}
