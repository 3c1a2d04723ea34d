/** A fieldset of checkboxes choosing a subset of `options` (webhook events, API key scopes). */
export function CheckList<T extends string>(props: {
  legend: string;
  options: { value: T; label: string }[];
  selected: T[];
  onChange: (selected: T[]) => void;
}) {
  const { selected, onChange } = props;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map(({ value, label }) => (
        <label key={value} class="check">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(event) =>
              onChange(
                event.currentTarget.checked
                  ? [...selected, value]
                  : selected.filter((item) => item !== value),
              )
            }
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
