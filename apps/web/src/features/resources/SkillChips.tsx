import type { ResourceSkill } from '../../api/resources.ts';

/** Skills as chips with a five-step level gauge; the level is also in the text, not the gauge alone. */
export function SkillChips({ skills, max = 6 }: { skills: readonly ResourceSkill[]; max?: number }) {
  if (skills.length === 0) return <span className="subtle">—</span>;
  const shown = [...skills].sort((a, b) => b.level - a.level || a.skillName.localeCompare(b.skillName));
  const rest = shown.length - max;
  return (
    <ul className="skill-chips" aria-label="Skills">
      {shown.slice(0, max).map((s) => (
        <li key={s.skillId} className="skill-chip" title={`${s.skillName}, level ${s.level} of 5`}>
          {s.skillName}
          <span className="visually-hidden">, level {s.level} of 5</span>
          <span className="skill-chip__level" aria-hidden="true">
            {[1, 2, 3, 4, 5].map((n) => (
              <span key={n} className={n <= s.level ? 'is-on' : undefined} />
            ))}
          </span>
        </li>
      ))}
      {rest > 0 && <li className="skill-chip">+{rest} more</li>}
    </ul>
  );
}
