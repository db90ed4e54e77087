/** Gold, silver and bronze for the first three places; plain figures after them. */
const MEDALS: Record<number, string> = { 1: '#d4a017', 2: '#9ea3a8', 3: '#b87333' };

export function RankMark({ rank }: { rank: number }) {
  const medal = MEDALS[rank];
  return (
    <span
      data-testid={`rank-${rank}`}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        minWidth: 26,
        height: 26,
        padding: '0 4px',
        borderRadius: 13,
        fontWeight: 600,
        fontVariantNumeric: 'tabular-nums',
        color: medal ? '#fff' : undefined,
        background: medal,
        boxShadow: medal ? 'inset 0 -2px 0 rgba(0,0,0,0.15)' : undefined,
      }}
    >
      {rank}
    </span>
  );
}
