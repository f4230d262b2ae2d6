/**
 * A bad value of a named parameter. The library's messages name the parameter as the library calls it
 * (`arch`, `numNoiseVec`); a command line re-renders the same message with its own names for them
 * (`--arch`, `--num-noise-vec`), so a message never speaks of flags the caller does not have.
 */
export class ParameterError extends RangeError {
  override name = "ParameterError";

  /** `render` writes the message, naming each parameter through the function it is given. */
  constructor(readonly render: (name: (parameter: string) => string) => string) {
    super(render((p) => p));
  }

  /** The message with parameters named by `names` (those it lacks keep the library's name). */
  renamed(names: Readonly<Record<string, string>>): string {
    return this.render((p) => names[p] ?? p);
  }
}
