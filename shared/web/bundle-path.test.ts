import { expect, test } from 'vitest';
import { bundleSegments } from './bundle-path';

test.each([
  ['/', ['index.html']],
  ['/index.html', ['index.html']],
  ['/assets/index-abc.js', ['assets', 'index-abc.js']],
  ['/assets//x.css?v=1#top', ['assets', 'x.css']],
  ['/a%20b.png', ['a b.png']],
])('maps %s inside the bundle', (input, expected) => {
  expect(bundleSegments(input)).toEqual(expected);
});

test.each([
  '/../package.json',
  '/assets/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/..%2fetc%2fpasswd',
  '/assets/%2e%2e%2f%2e%2e%2fsecret',
  '/a%5c..%5cb',
  '/x%00.js',
  '/C:%5cwindows',
  '/%E0%A4%A',
  'relative/path',
  '',
])('refuses %j', (input) => {
  expect(bundleSegments(input)).toBeUndefined();
});
