/** A face for each level, drawn (no emoji font needed): the mouth curves from a smile (5) to a frown (1). */
export function RatingFace({ level }: { level: number }) {
  const curve = (level - 3) * 7;
  const colour = level >= 4 ? '#16a34a' : level === 3 ? '#ca8a04' : '#dc2626';
  return (
    <svg viewBox="0 0 64 64" width="60" height="60" aria-hidden="true">
      <circle cx="32" cy="32" r="29" fill="none" stroke={colour} strokeWidth="4" />
      <circle cx="22" cy="25" r="4" fill={colour} />
      <circle cx="42" cy="25" r="4" fill={colour} />
      <path
        d={`M18 ${42 - curve / 2} Q32 ${42 + curve} 46 ${42 - curve / 2}`}
        fill="none"
        stroke={colour}
        strokeWidth="4"
        strokeLinecap="round"
      />
    </svg>
  );
}
