import { describe, expect, it } from 'vitest';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from '../../../src/sim/lib/validation.ts';

const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const nameMessage =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('isDns1123Subdomain (object names)', () => {
  it.each(['data', 'pvc-1b4e28ba', 'example.com', 'a', '0', 'a'.repeat(253)])('accepts %s', (name) => {
    expect(isDns1123Subdomain(name)).toEqual([]);
  });

  it.each([
    ['upper case', 'Data', [subdomainMessage]],
    ['an underscore', 'my_data', [subdomainMessage]],
    ['a leading dash', '-data', [subdomainMessage]],
    ['a trailing dot', 'data.', [subdomainMessage]],
    ['an empty name', '', [subdomainMessage]],
    ['254 characters', 'a'.repeat(254), ['must be no more than 253 characters']],
    ['254 bad characters', 'A'.repeat(254), ['must be no more than 253 characters', subdomainMessage]],
  ])('rejects %s with the API server message', (_case, name, messages) => {
    expect(isDns1123Subdomain(name)).toEqual(messages);
  });
});

describe('isDns1123Label (namespace, container and volume names)', () => {
  it.each(['default', 'my-name', '123-abc', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(isDns1123Label(name)).toEqual([]);
  });

  it.each([
    ['dots, which only subdomains allow', 'my.name', ['must not contain dots']],
    ['upper case', 'MyName', [labelMessage]],
    ['a trailing dash', 'name-', [labelMessage]],
    ['64 characters', 'a'.repeat(64), ['must be no more than 63 characters']],
    ['64 bad characters', '-'.repeat(64), ['must be no more than 63 characters', labelMessage]],
  ])('rejects %s', (_case, name, messages) => {
    expect(isDns1123Label(name)).toEqual(messages);
  });
});

describe('isQualifiedName (label and annotation keys)', () => {
  it.each([
    'app',
    'App_Name.v2',
    'app.kubernetes.io/name',
    'pv.kubernetes.io/bind-completed',
    'volume.beta.kubernetes.io/storage-provisioner',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %s', (key) => {
    expect(isQualifiedName(key)).toEqual([]);
  });

  it.each([
    ['an empty key', '', ['name part must be non-empty', nameMessage]],
    ['a leading dash', '-app', [nameMessage]],
    ['a space', 'my app', [nameMessage]],
    ['an empty prefix', '/app', ['prefix part must be non-empty']],
    ['an empty name after the prefix', 'example.com/', ['name part must be non-empty', nameMessage]],
    ['an upper-case prefix', 'Example.com/app', [`prefix part ${subdomainMessage}`]],
    ['a 64-character name', 'a'.repeat(64), ['name part must be no more than 63 characters']],
    [
      'two slashes',
      'a/b/c',
      [
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])('rejects %s', (_case, key, messages) => {
    expect(isQualifiedName(key)).toEqual(messages);
  });
});

describe('isValidLabelValue', () => {
  it.each(['', 'web', 'MyValue', 'my_value', '12345', 'v1.2-rc', 'a'.repeat(63)])('accepts %j', (value) => {
    expect(isValidLabelValue(value)).toEqual([]);
  });

  it.each([
    ['a leading dash', '-web', [valueMessage]],
    ['a slash', 'a/b', [valueMessage]],
    ['a space', 'a b', [valueMessage]],
    ['64 characters', 'a'.repeat(64), ['must be no more than 63 characters']],
  ])('rejects %s', (_case, value, messages) => {
    expect(isValidLabelValue(value)).toEqual(messages);
  });
});
