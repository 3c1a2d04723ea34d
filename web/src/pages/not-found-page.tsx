import { followLink } from '../router';

/** A page that cannot be shown: an unknown path, or a receipt that is gone. */
export function NotFoundPage(props: { title?: string; message?: string }) {
  return (
    <section>
      <h1 tabIndex={-1}>{props.title ?? 'Page not found'}</h1>
      {props.message && (
        <p class="error" role="alert">
          {props.message}
        </p>
      )}
      <p>
        <a href="/" onClick={followLink}>
          Back to your receipts
        </a>
      </p>
    </section>
  );
}
