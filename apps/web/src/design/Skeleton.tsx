export function Skeleton({ width = '100%', height = 12 }: { width?: number | string; height?: number }) {
  return <span className="b-skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** Placeholder rows while a table loads. */
export function SkeletonRows({ rows = 6, columns }: { rows?: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <tr key={r}>
          {Array.from({ length: columns }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <td key={c}>
              <Skeleton width={c === 1 ? '80%' : '60%'} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
