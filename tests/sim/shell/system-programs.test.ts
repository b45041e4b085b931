import { describe, expect, it } from 'vitest';
import { shell } from './fixture.ts';

type Case = [string, string[], { stdout?: string; stderr?: string; exitCode?: number }];

describe('system programs', () => {
  const gib = 1024 * 1024 * 1024;
  it.each<Case>([
    [
      'df prints 1K blocks',
      ['df'],
      {
        stdout:
          'Filesystem           1K-blocks      Used Available Use% Mounted on\n/dev/sdb               1048576         0   1048576   0% /data\n',
      },
    ],
    // busybox rounds 1 GiB - 19 bytes up to 1024.0M rather than 1.0G (make_human_readable_str).
    [
      'df -h prints human sizes',
      ['df', '-h'],
      {
        stdout:
          'Filesystem                Size      Used Available Use% Mounted on\n/dev/sdb                  1.0G        19   1024.0M   0% /data\n',
      },
    ],
    [
      'df PATH picks the mount holding it',
      ['df', '/data/sub'],
      {
        stdout:
          'Filesystem           1K-blocks      Used Available Use% Mounted on\n/dev/sdb               1048576         0   1048576   0% /data\n',
      },
    ],
    ['df reports a missing path', ['df', '/x'], { stderr: "df: /x: can't find mount point\n", exitCode: 1 }],
    ['pwd prints /', ['pwd'], { stdout: '/\n' }],
    ['true succeeds', ['true'], { exitCode: 0 }],
    ['false fails', ['false'], { exitCode: 1 }],
    ['sleep returns at once', ['sleep', '30'], { stdout: '', exitCode: 0 }],
    ['sleep accepts infinity', ['sleep', 'infinity'], { stdout: '', exitCode: 0 }],
    ['sleep rejects a bad number', ['sleep', 'x'], { stderr: "sleep: invalid number 'x'\n", exitCode: 1 }],
    ['date prints a fixed time', ['date'], { stdout: 'Mon Jan  6 12:00:00 UTC 2025\n' }],
  ])('%s', (_name, argv, expected) => {
    expect(shell({ capacityBytes: gib, mountedOn: '/data', filesystem: '/dev/sdb' }).run(argv)).toMatchObject(
      expected,
    );
  });

  it('df puts a long device name on its own line', () => {
    const { run } = shell({ capacityBytes: 4 * gib, filesystem: '/dev/disk/by-id/csi-pvc-0123' });
    expect(run(['df', '-h']).stdout).toBe(
      'Filesystem                Size      Used Available Use% Mounted on\n' +
        '/dev/disk/by-id/csi-pvc-0123\n                          4.0G        19      4.0G   0% /\n',
    );
  });

  it('df rounds Use% like busybox', () => {
    const { run } = shell({ capacityBytes: 40 });
    expect(run(['df']).stdout.split('\n')[1]).toBe(
      'overlay                      0         0         0  48% /',
    );
  });
});
