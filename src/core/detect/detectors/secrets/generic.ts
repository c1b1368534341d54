import { entropy } from '../../checks';
import type { Detector } from '../../types';
import { isPlaceholder } from './placeholder';

/** A high-entropy value assigned to a secret-like name (gitleaks' generic rule, with our own names). */
const SECRET_NAME = '(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|client[_-]?secret|credentials?|bearer)';
export const generic: Detector = {
  id: 'secret.generic-assignment',
  type: 'SECRET',
  category: 'secret',
  description: 'High-entropy value assigned to a secret-like name',
  keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'bearer'],
  patterns: [{
    name: 'secret-assignment',
    // Starts at the name itself ("password" inside "db_password"): a free prefix would retry at every letter.
    regex: new RegExp(`${SECRET_NAME}[A-Za-z0-9_.-]{0,20}["']?\\s{0,4}(?:[:=]|=>|:=|\\s)\\s{0,4}["'\`]?([A-Za-z0-9+/=_.~!#%^&*-]{8,256})`, 'gid'),
    score: 0.7,
    group: 1,
  }],
  validate: (v) => {
    if (isPlaceholder(v) || /^[a-z]+$|^\d+$/i.test(v)) return false;
    const h = entropy(v);
    if (h < 3) return false;
    return h >= 3.5 && /\d/.test(v) && /[A-Za-z]/.test(v) ? 0.8 : 0.6;
  },
  examples: {
    match: [{ text: 'db_password = "Zk8#qP2!vL9x"', value: 'Zk8#qP2!vL9x' }, { text: 'API_KEY: 9f8e7d6c5b4a3f2e1d0c', value: '9f8e7d6c5b4a3f2e1d0c' }],
    noMatch: ['password = "password"', 'token: ${TOKEN}', 'the secret ingredient is love', 'api_key = "your_api_key_here"'],
  },
};

