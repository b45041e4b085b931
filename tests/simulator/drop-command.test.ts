import { describe, expect, it } from 'vitest';
import { dropCommand, nodeAt, type Rect } from '../../src/simulator/model/drop-command.ts';

describe('dropCommand', () => {
  it('moves a pod dropped on another node', () => {
    expect(dropCommand({ pod: 'cache', namespace: 'default', from: 'node-1', target: 'node-2' })).toBe(
      'sim move cache --to node-2',
    );
  });

  it('adds the namespace when it is not default', () => {
    expect(dropCommand({ pod: 'web', namespace: 'team-a', from: 'node-1', target: 'node-3' })).toBe(
      'sim move web --to node-3 -n team-a',
    );
  });

  it('moves an unscheduled pod onto any node', () => {
    expect(dropCommand({ pod: 'db', namespace: 'default', from: '', target: 'node-1' })).toBe(
      'sim move db --to node-1',
    );
  });

  it('does nothing when dropped on the pod’s own node', () => {
    expect(dropCommand({ pod: 'cache', namespace: 'default', from: 'node-1', target: 'node-1' })).toBe(
      undefined,
    );
  });

  it('does nothing when dropped outside any node', () => {
    expect(dropCommand({ pod: 'cache', namespace: 'default', from: 'node-1', target: undefined })).toBe(
      undefined,
    );
  });
});

describe('nodeAt', () => {
  const regions: { name: string; rect: Rect }[] = [
    { name: 'node-1', rect: { x: 0, y: 0, width: 100, height: 50 } },
    { name: 'node-2', rect: { x: 200, y: 0, width: 100, height: 50 } },
  ];

  it('finds the node whose region contains the point', () => {
    expect(nodeAt({ x: 50, y: 25 }, regions)).toBe('node-1');
    expect(nodeAt({ x: 250, y: 10 }, regions)).toBe('node-2');
  });

  it('counts the edges of a region as inside', () => {
    expect(nodeAt({ x: 0, y: 0 }, regions)).toBe('node-1');
    expect(nodeAt({ x: 100, y: 50 }, regions)).toBe('node-1');
    expect(nodeAt({ x: 200, y: 50 }, regions)).toBe('node-2');
    expect(nodeAt({ x: 300, y: 25 }, regions)).toBe('node-2');
  });

  it('finds nothing between or outside the regions', () => {
    expect(nodeAt({ x: 150, y: 25 }, regions)).toBeUndefined();
    expect(nodeAt({ x: 100.5, y: 25 }, regions)).toBeUndefined();
    expect(nodeAt({ x: 50, y: -1 }, regions)).toBeUndefined();
    expect(nodeAt({ x: 50, y: 51 }, regions)).toBeUndefined();
    expect(nodeAt({ x: -1, y: 25 }, regions)).toBeUndefined();
  });

  it('finds nothing when there are no regions', () => {
    expect(nodeAt({ x: 0, y: 0 }, [])).toBeUndefined();
  });
});
