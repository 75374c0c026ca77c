import { describe, expect, it } from 'vitest';
import type { Role } from '../../domain/auth';
import { consoleAddressOf, pageFromHash, pagesFor } from './console-pages';

describe('console pages', () => {
  it.each([
    [[], []],
    [['operator'], []],
    [['labeladmin'], ['labels']],
    [['qc'], ['qc', 'trace', 'recall', 'labels', 'dashboard', 'kpis']],
    [['admin'], ['sync', 'exceptions', 'devices', 'work-orders', 'number-rules', 'trace', 'labels', 'dashboard', 'kpis', 'users', 'import', 'integrations', 'webhooks']],
    [['supervisor'], ['sync', 'exceptions', 'devices', 'work-orders', 'number-rules', 'qc', 'trace', 'recall', 'labels', 'dashboard', 'kpis', 'import']],
  ] satisfies [Role[], string[]][])('%j sees %j', (roles, pages) => {
    expect(pagesFor(roles)).toEqual(pages);
  });

  it.each([
    ['#/qc', 'qc'],
    ['#qc', 'qc'],
    ['#/work-orders', 'work-orders'],
    ['#/dashboard', 'dashboard'],
    ['#/kpis', 'kpis'],
    ['#/console', null],
    ['#/receive', null],
    ['', null],
    ['#/QC', null],
  ] as const)('hash %j names page %j', (hash, page) => {
    expect(pageFromHash(hash)).toBe(page);
  });

  it.each([
    ['#/console', '/console#/sync'],
    ['#/qc', '/console#/qc'],
    ['#/recall', '/console#/recall'],
    ['#/labels', '/console#/labels'],
    ['#/trace', '/console#/trace'],
    ['#/users', '/console#/users'],
    ['#/receive', null],
    ['#/home', null],
    ['', null],
  ] as const)('the handheld address %j moves to %j', (hash, address) => {
    expect(consoleAddressOf(hash)).toBe(address);
  });
});
