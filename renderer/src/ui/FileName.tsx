/** A file the hub wrote, by its name; the whole path (Windows or POSIX) on hover. */
export function FileName({ path, className }: { path: string; className?: string }) {
  return (
    <code title={path} className={className}>
      {path.split(/[\\/]/).pop() ?? path}
    </code>
  );
}
