import type { KubeEvent, PersistentVolume, PersistentVolumeClaim, Pod } from '../../src/sim/api/types.ts';
import { runCommand, runScript, type ScriptStep } from '../../src/sim/cluster.ts';
import { type ClusterOptions, createCluster } from '../../src/sim/default-cluster.ts';
import type { CommandResult } from '../../src/sim/kubectl/command.ts';
import { parseCommandLine } from '../../src/sim/script/parse-script.ts';
import type { ClusterState } from '../../src/sim/state.ts';

/**
 * Drives a simulated cluster the way a learner does: commands in, kubectl's answers out, and
 * direct looks at the resulting objects for assertions.
 */
export class SimDriver {
  state: ClusterState;

  constructor(options: ClusterOptions = {}) {
    this.state = createCluster(options);
  }

  /** Runs one command line (no here-documents; use `apply` or `script` for YAML). */
  run(line: string, stdin?: string): CommandResult {
    const parsed = parseCommandLine(line);
    if ('error' in parsed) throw new Error(parsed.error);
    const { state, result } = runCommand(this.state, parsed.argv, stdin);
    this.state = state;
    return result;
  }

  /** `kubectl apply -f -` with this YAML on standard input. */
  apply(yaml: string): CommandResult {
    return this.run('kubectl apply -f -', yaml);
  }

  script(text: string): ScriptStep[] {
    const { state, steps } = runScript(this.state, text);
    this.state = state;
    return steps;
  }

  pod(name: string): Pod | undefined {
    return this.state.objects.Pod[`default/${name}`];
  }

  pods(): Pod[] {
    return Object.values(this.state.objects.Pod);
  }

  pvc(name: string): PersistentVolumeClaim | undefined {
    return this.state.objects.PersistentVolumeClaim[`default/${name}`];
  }

  pv(name: string): PersistentVolume | undefined {
    return this.state.objects.PersistentVolume[name];
  }

  /** Events about one object (by name), oldest first, as `Type Reason: message`. */
  events(objectName?: string): string[] {
    return (Object.values(this.state.objects.Event) as KubeEvent[])
      .filter((e) => !objectName || e.involvedObject.name === objectName)
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** Files a container sees under a directory (via `kubectl exec … ls`), or the error. */
  ls(pod: string, path: string): string[] {
    const result = this.run(`kubectl exec ${pod} -- ls ${path}`);
    if (result.exitCode !== 0) throw new Error(result.stderr);
    return result.stdout.split('\n').filter(Boolean);
  }

  /** `kubectl exec POD -- sh -c SCRIPT`, failing the test if it fails. */
  sh(pod: string, script: string): string {
    const result = this.run(`kubectl exec ${pod} -- sh -c '${script.replace(/'/g, `'\\''`)}'`);
    if (result.exitCode !== 0) throw new Error(result.stderr);
    return result.stdout;
  }
}

/** A pod manifest (one busybox container `app`): kept here for callers of the driver; built in manifests.ts. */
export { podYaml } from './manifests.ts';
