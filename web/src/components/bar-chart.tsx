export interface Bar {
  label: string;
  value: number;
  /** The value as shown to people (formatted money). */
  text: string;
}

const WIDTH = 600;
const HEIGHT = 200;
const GAP = 6;
/** One month alone is a bar, not a slab. */
const MAX_BAR = 48;

/**
 * A bar chart in plain SVG (no chart library: a few bars need no 40 KB of JavaScript), with
 * the same numbers in a table for screen readers and for copying.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const width =
    bars.length > 0 ? Math.min((WIDTH - GAP * (bars.length - 1)) / bars.length, MAX_BAR) : 0;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {bars.map((bar, index) => {
          const height = max > 0 ? Math.max((bar.value / max) * (HEIGHT - 2), 1) : 1;
          return (
            <rect
              key={bar.label}
              class="bar"
              x={index * (width + GAP)}
              y={HEIGHT - height}
              width={width}
              height={height}
            >
              <title>
                {bar.label}: {bar.text}
              </title>
            </rect>
          );
        })}
      </svg>
      <table class="chart-data">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
