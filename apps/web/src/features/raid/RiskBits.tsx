import type { RiskLevel } from '../../api/raid.ts';
import { Badge } from '../../design/Badge.tsx';
import { LEVEL_LABELS, LEVEL_TONES } from './raid-model.ts';

/** A risk level as a badge: the word carries the meaning, the colour repeats it. */
export function LevelBadge({ level }: { level: RiskLevel }) {
  return (
    <Badge tone={LEVEL_TONES[level]} dot>
      {LEVEL_LABELS[level]}
    </Badge>
  );
}

/** Score and level: "16 High". */
export function ScoreWithLevel({ score, level }: { score: number; level: RiskLevel }) {
  return (
    <span className="raid-score">
      <span className="raid-score__value">{score}</span>
      <LevelBadge level={level} />
    </span>
  );
}
