// Reads a cURL sample back into a request, the way a POSIX shell and curl would, so the tests can replay it
// against the mock. Only the shell and curl syntax the samples may use is accepted: anything else throws.

/**
 * Splits a command line into words: quotes, backslash escapes, line continuations and $VAR / ${VAR}.
 * @param {string} command
 * @param {Record<string, string | undefined>} env
 */
export function shellWords(command, env = {}) {
  const words = [];
  let word = null;
  const add = (text) => (word = (word ?? '') + text);
  const variable = (i) => {
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(command.slice(i));
    if (!m) throw new Error(`Unsupported $ at ${i} in: ${command}`);
    const name = m[1] ?? m[2];
    if (env[name] === undefined) throw new Error(`$${name} is not set`);
    add(env[name]);
    return i + m[0].length;
  };
  for (let i = 0; i < command.length; ) {
    const c = command[i];
    if (c === '\\' && command[i + 1] === '\n') i += 2;
    else if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
      i += 1;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Unterminated ' in: ${command}`);
      add(command.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      add('');
      for (i += 1; command[i] !== '"'; ) {
        if (i >= command.length) throw new Error(`Unterminated " in: ${command}`);
        if (command[i] === '\\' && '"\\$`'.includes(command[i + 1])) (add(command[i + 1]), (i += 2));
        else if (command[i] === '$') i = variable(i);
        else if (command[i] === '`') throw new Error(`Command substitution in: ${command}`);
        else (add(command[i]), (i += 1));
      }
      i += 1;
    } else if (c === '\\') (add(command[i + 1] ?? ''), (i += 2));
    else if (c === '$') i = variable(i);
    else if ('`;&|<>()'.includes(c)) throw new Error(`Unsupported shell syntax ${c} in: ${command}`);
    else (add(c), (i += 1));
  }
  if (word !== null) words.push(word);
  return words;
}

/**
 * The request a `curl` command makes: method, URL, headers and body.
 * @returns {{ method: string, url: string, headers: Record<string, string>, body?: string }}
 */
export function parseCurl(command, env = {}) {
  const [program, ...args] = shellWords(command, env);
  if (program !== 'curl') throw new Error(`Not a curl command: ${command}`);
  let method;
  let url;
  let body;
  const headers = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new Error(`${arg} needs a value`);
      return args[++i];
    };
    if (arg === '-X' || arg === '--request') method = value();
    else if (arg === '-H' || arg === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon < 1) throw new Error(`Malformed header: ${header}`);
      headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (arg === '-d' || arg === '--data' || arg === '--data-raw') {
      if (body !== undefined) throw new Error('More than one -d');
      body = value();
    } else if (arg.startsWith('-')) throw new Error(`Unsupported curl option ${arg}`);
    else if (url === undefined) url = arg;
    else throw new Error(`A second URL: ${arg}`);
  }
  if (!url) throw new Error(`No URL in: ${command}`);
  // curl's defaults: POST when there is data, GET otherwise.
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, ...(body === undefined ? {} : { body }) };
}
