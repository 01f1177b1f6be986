import { onCleanup } from './hub';
import { startPostgres } from './pgCluster';

/** A throwaway PostgreSQL cluster (./pgCluster), stopped and removed after the test. */
export async function throwawayPostgres(): Promise<{ url: string; port: number }> {
  const { url, port, stop } = await startPostgres();
  onCleanup(stop);
  return { url, port };
}
