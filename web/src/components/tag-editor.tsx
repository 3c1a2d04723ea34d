import { useState } from 'preact/hooks';

/** The receipt's tags: each with a remove button, and a field to add one. */
export function TagEditor(props: {
  tags: string[];
  onAdd: (name: string) => Promise<void>;
  onRemove: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState('');

  const add = async (event: Event) => {
    event.preventDefault();
    const tag = name.trim();
    if (!tag) return;
    await props.onAdd(tag);
    setName('');
  };

  return (
    <section class="tags" aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {props.tags.length > 0 ? (
        <ul>
          {props.tags.map((tag) => (
            <li key={tag}>
              <span>{tag}</span>
              <button
                type="button"
                class="remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => void props.onRemove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">No tags yet.</p>
      )}
      <form class="add-tag" onSubmit={(event) => void add(event)}>
        <label for="new-tag">Add a tag</label>
        <div>
          <input
            id="new-tag"
            value={name}
            maxLength={50}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <button type="submit" class="secondary">
            Add
          </button>
        </div>
      </form>
    </section>
  );
}
