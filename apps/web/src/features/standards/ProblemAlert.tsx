import { Alert } from '../../design/Alert.tsx';
import { problemLines } from './standards-model.ts';

/** A refusal of the server, inline in the screen or dialog that asked. */
export function ProblemAlert({
  error,
  title,
  shownFields = [],
}: {
  error: unknown;
  title: string;
  /** Fields whose message the form shows beside the control. */
  shownFields?: readonly string[];
}) {
  const lines = problemLines(error, shownFields);
  return (
    <Alert tone="error" title={title}>
      {lines.length === 1 ? (
        <p>{lines[0]}</p>
      ) : (
        <ul className="std-problems">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
