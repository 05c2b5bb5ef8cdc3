/** A live region that announces what went wrong with the last action (empty when nothing did). */
export function ErrorStatus({ message }: { message: string | null }) {
  return (
    <p className="status error" role="status">
      {message}
    </p>
  );
}
