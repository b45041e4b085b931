import { type CommandResult, ok, refuse } from './command.ts';

/**
 * `kubectl help`, `kubectl --help` and `kubectl VERB --help`: kubectl's own layout (its command
 * groups and one-line descriptions, from kubectl's cobra commands), listing only the verbs this
 * simulator provides, so a learner sees the same shape on a real cluster with more in it.
 */
interface VerbHelp {
  group: string;
  short: string;
  usage: string;
  /** Kubectl's `Examples:` section, shortened to the forms the simulator supports. */
  examples: string[];
}

const verbs: Record<string, VerbHelp> = {
  create: {
    group: 'Basic Commands (Beginner)',
    short: 'Create a resource from a file or from stdin',
    usage: 'kubectl create -f FILENAME [options]',
    examples: ['kubectl create -f ./pvc.yaml', 'cat pod.yaml | kubectl create -f -'],
  },
  get: {
    group: 'Basic Commands (Intermediate)',
    short: 'Display one or many resources',
    usage:
      'kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
    examples: ['kubectl get pods -o wide', 'kubectl get pv,pvc', 'kubectl get pvc data -o yaml'],
  },
  delete: {
    group: 'Basic Commands (Intermediate)',
    short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    usage: 'kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]',
    examples: ['kubectl delete pod web', 'kubectl delete pods -l app=web', 'kubectl delete -f ./pvc.yaml'],
  },
  scale: {
    group: 'Deploy Commands',
    short: 'Set a new size for a deployment, replica set, or replication controller',
    usage: 'kubectl scale --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
    examples: ['kubectl scale --replicas=3 deployment/web', 'kubectl scale sts db --replicas=2'],
  },
  cordon: {
    group: 'Cluster Management Commands',
    short: 'Mark node as unschedulable',
    usage: 'kubectl cordon NODE [options]',
    examples: ['kubectl cordon node-1'],
  },
  uncordon: {
    group: 'Cluster Management Commands',
    short: 'Mark node as schedulable',
    usage: 'kubectl uncordon NODE [options]',
    examples: ['kubectl uncordon node-1'],
  },
  drain: {
    group: 'Cluster Management Commands',
    short: 'Drain node in preparation for maintenance',
    usage: 'kubectl drain NODE [options]',
    examples: ['kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data'],
  },
  describe: {
    group: 'Troubleshooting and Debugging Commands',
    short: 'Show details of a specific resource or group of resources',
    usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
    examples: ['kubectl describe pvc data', 'kubectl describe pod web'],
  },
  exec: {
    group: 'Troubleshooting and Debugging Commands',
    short: 'Execute a command in a container',
    usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
    examples: ['kubectl exec web -- ls /data', 'kubectl exec web -c app -- sh -c "echo hi > /data/a.txt"'],
  },
  apply: {
    group: 'Advanced Commands',
    short: 'Apply a configuration to a resource by file name or stdin',
    usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
    examples: ['kubectl apply -f ./pod.yaml', 'cat pod.yaml | kubectl apply -f -'],
  },
  patch: {
    group: 'Advanced Commands',
    short: 'Update fields of a resource',
    usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
    examples: [`kubectl patch pv pv-1 --type merge -p '{"spec":{"claimRef":null}}'`],
  },
  label: {
    group: 'Settings Commands',
    short: 'Update the labels on a resource',
    usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
    examples: ['kubectl label nodes node-1 disktype=ssd'],
  },
  annotate: {
    group: 'Settings Commands',
    short: 'Update the annotations on a resource',
    usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
    examples: ['kubectl annotate pvc data owner=team-a'],
  },
  version: {
    group: 'Other Commands',
    short: 'Print the client and server version information',
    usage: 'kubectl version [flags] [options]',
    examples: ['kubectl version'],
  },
};

const groupOrder = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
];

/** `kubectl`, `kubectl help`, `kubectl --help`: the command list, as kubectl lays it out. */
export function kubectlUsage(): string {
  const width = Math.max(...Object.keys(verbs).map((v) => v.length)) + 2;
  const sections = groupOrder.map((group) => {
    const lines = Object.entries(verbs)
      .filter(([, help]) => help.group === group)
      .map(([verb, help]) => `  ${verb.padEnd(width)}${help.short}`);
    return `${group}:\n${lines.join('\n')}\n`;
  });
  return `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/
 This simulator provides the commands below; a real cluster's kubectl has more.

${sections.join('\n')}
Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`;
}

/** `kubectl help VERB` and `kubectl VERB --help`. */
export function kubectlVerbHelp(verb: string): CommandResult {
  const help = verbs[verb];
  if (!help) refuse(`error: unknown command "${verb}" for "kubectl"`);
  const examples = help.examples.map((e) => `  ${e}`).join('\n');
  return ok(`${help.short}.\n\nExamples:\n${examples}\n\nUsage:\n  ${help.usage}\n`);
}

/** Whether kubectl would print help for these arguments: `-h`/`--help` before any `--`. */
export function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** `sim help`: the simulator's own verbs, in kubectl's help layout. */
export const simUsage = `sim drives what a real cluster does by itself, and what a learner does on the diagram.

Commands:
  reset     Start again from a fresh cluster: sim reset [--nodes N] [--no-storageclass]
  node      Add, fail, recover or delete a node's machine: sim node (add|fail|recover|delete) NAME [--label k=v]
  crash     Make a container's process exit: sim crash POD [-c CONTAINER] [--oom]
  move      Delete a pod and steer its replacement to a node: sim move POD --to NODE
  advance   Let simulated time pass: sim advance DURATION (30s, 5m, 1h)
  help      Print this help: sim help

Usage:
  sim COMMAND [args...]
`;
