// POSIX-shell words, as a shell would hand them to curl: only the syntax that documentation samples use is
// accepted, anything else (pipes, substitutions, redirections) throws rather than being misread.

export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';
}

/**
 * Splits a command line into words: single quotes literal, double quotes with backslash escapes and $VAR,
 * backslash escapes, line continuations, and `$VAR` / `${VAR}` taken from `env` (an unset one throws).
 */
export function shellWords(command: string, env: Record<string, string | undefined> = {}): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const add = (text: string): void => {
    word = (word ?? '') + text;
  };
  const variable = (at: number): number => {
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(command.slice(at));
    if (!m) throw new ShellSyntaxError(`Unsupported $ at ${at} in: ${command}`);
    const name = (m[1] ?? m[2])!;
    const value = env[name];
    if (value === undefined) throw new ShellSyntaxError(`$${name} is not set`);
    add(value);
    return at + m[0].length;
  };
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (c === '\\') {
      // A backslash-newline is a line continuation; any other escaped character stands for itself.
      if (command[i + 1] !== '\n') add(command[i + 1] ?? '');
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i += 1;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError(`Unterminated ' in: ${command}`);
      add(command.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      add('');
      i += 1;
      while (command[i] !== '"') {
        if (i >= command.length) throw new ShellSyntaxError(`Unterminated " in: ${command}`);
        const d = command[i]!;
        if (d === '\\' && '"\\$`\n'.includes(command[i + 1] ?? '')) {
          if (command[i + 1] !== '\n') add(command[i + 1]!);
          i += 2;
        } else if (d === '$') i = variable(i);
        else if (d === '`') throw new ShellSyntaxError(`Command substitution in: ${command}`);
        else {
          add(d);
          i += 1;
        }
      }
      i += 1;
    } else if (c === '$') i = variable(i);
    else if ('`;&|<>()'.includes(c)) throw new ShellSyntaxError(`Unsupported shell syntax ${c} in: ${command}`);
    else {
      add(c);
      i += 1;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
