/** Query strings carry text: "true"/"false" become booleans; anything else is left for validation. */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A repeatable query parameter is an array whether it came once or several times. */
export const queryArray = ({ value }: { value: unknown }): unknown =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];
