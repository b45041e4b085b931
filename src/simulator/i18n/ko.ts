import type {
  DirData,
  DiskData,
  GhostData,
  NodeData,
  PodData,
  PvcData,
  PvData,
  ScData,
} from '../model/diagram-types.ts';
import type { ReasonKey } from '../model/explain-reason.ts';
import type { ActionId } from '../model/item-actions.ts';
import type { SimMessages } from './en.ts';

/**
 * 시뮬레이터의 한국어 문구. 용어는 쿠버네티스 한국어 문서를 따르고, Running, Pending 같은 상태 값과
 * kubectl 이름은 클러스터가 출력하는 그대로 둔다. 이름 뒤에 붙는 조사(은/는, 이/가)는 받침에 따라
 * 달라지므로 "${pod} 파드는"처럼 조사를 명사 뒤에 붙인다. 노드와 파드의 접근 가능한 이름은 어느 언어에서나
 * "Node <이름>" / "Pod <이름>"으로 시작해야 한다. 브라우저 테스트와 스크린 리더 사용자의 습관이 이에 기댄다.
 */
export const simKo: SimMessages = {
  simulatorLabel: '클러스터 시뮬레이터',
  loading: '클러스터 시뮬레이터를 불러오는 중…',
  loadFailed: '시뮬레이터를 불러오지 못했습니다. 네트워크 연결을 확인한 뒤 다시 시도해 주세요.',
  diagramLabel: '클러스터 다이어그램',
  zoomIn: '확대',
  zoomOut: '축소',
  resetView: '보기 초기화',
  viewControls: '다이어그램 보기',
  wheelHint:
    '스크롤하면 페이지가 움직입니다. 다이어그램을 확대·축소하려면 Ctrl(Mac은 ⌘)을 누른 채 스크롤하세요.',
  touchHint: '한 손가락으로 밀면 페이지가 스크롤됩니다. 다이어그램을 옮기거나 확대하려면 두 손가락을 쓰세요.',
  diagramHelp:
    '파드를 다른 노드로 끌어다 놓으면 옮길 수 있고, 파드에 포커스를 두고 Enter 키를 누르면 할 수 있는 작업이 나옵니다. 항목을 선택하면 그 안의 파일을 살펴볼 수 있습니다.',
  // 다이어그램 항목의 이름과 텍스트
  nodeLabel: (d: NodeData) =>
    `Node ${d.name} (노드), ${d.status}${d.controlPlane ? ', 컨트롤 플레인' : ''}, 파드 ${d.pods}개`,
  pendingLabel: (pods: number) => `스케줄되지 않음: 파드 ${pods}개`,
  podLabel: (d: PodData) =>
    `Pod ${d.name} (파드), ${d.status}${d.node ? `, 노드 ${d.node}` : ''}${d.restarts ? `, 재시작 ${d.restarts}회` : ''}`,
  ghostLabel: (d: GhostData) => `Pod ${d.name} (파드), Terminating, 노드 ${d.node}, 교체되는 중`,
  dirLabel: (d: DirData) =>
    `디렉터리 ${d.path}, ${d.node} 노드의 디스크${d.use === 'local' ? `, 로컬 볼륨 ${d.volume ?? ''}` : ''}, 파일 ${d.files}개${d.leftBehind ? ', 노드에 남음' : ''}`,
  claimLabel: (d: PvcData) =>
    `클레임 ${d.name}, ${d.phase}${d.volume ? `, 볼륨 ${d.volume}에 바인딩됨` : ''}`,
  volumeLabel: (d: PvData) => `볼륨 ${d.name}, ${d.phase}, ${d.capacity}, 회수 정책 ${d.reclaimPolicy}`,
  diskLabel: (d: DiskData) =>
    `네트워크 디스크 ${d.label}, 파일 ${d.files}개${d.attachedTo.length ? `, 연결된 노드: ${d.attachedTo.join(', ')}` : ', 연결되지 않음'}`,
  classLabel: (d: ScData) =>
    `스토리지 클래스 ${d.name}${d.isDefault ? ' (기본)' : ''}, 프로비저너 ${d.provisioner}`,
  edgeLabel: (kind: 'mount' | 'bound' | 'backed' | 'provisioned', from: string, to: string) =>
    ({
      mount: `${from}에 마운트된 ${to}`,
      bound: `볼륨 ${to}에 바인딩된 클레임 ${from}`,
      backed: `볼륨 ${from}의 데이터가 저장되는 ${to}`,
      provisioned: `${from}에서 프로비저닝한 ${to}`,
    })[kind],
  controlPlaneParts: 'API 서버 · 스케줄러 · 컨트롤러 · etcd',
  notScheduled: '스케줄되지 않음',
  nodeDisk: '이 노드의 디스크',
  attached: (disks: string[]) => `연결됨: ${disks.join(', ')}`,
  files: (n: number) => `파일 ${n}개`,
  filesLost: (n: number) => `파일 ${n}개 사라짐`,
  lostWord: '사라짐',
  moreFiles: (n: number) => `외 ${n}개`,
  leftBehind: '노드에 남음',
  followed: '데이터가 파드를 따라감',
  restarts: (n: number) => `재시작 ${n}회`,
  writableLayer: '쓰기 가능 레이어',
  mountKinds: {
    emptyDir: 'emptyDir',
    memory: 'emptyDir (메모리)',
    hostPath: 'hostPath',
    claim: '클레임',
    disk: '디스크',
    other: '볼륨',
  },
  localVolume: '로컬 볼륨',
  storageClassTitle: '스토리지 클래스',
  claimTitle: '퍼시스턴트 볼륨 클레임',
  volumeTitle: '퍼시스턴트 볼륨',
  diskTitle: '네트워크 디스크 (클러스터 외부)',
  defaultClass: '기본',
  // 도구 모음
  toolbarLabel: '시뮬레이터 조작',
  undo: '실행 취소',
  redo: '다시 실행',
  reset: '초기화',
  undoHint: '실행 취소 (Ctrl+Z)',
  redoHint: '다시 실행 (Ctrl+Shift+Z)',
  addNode: '노드 추가',
  advance: '5분 기다리기',
  speed: '애니메이션',
  speeds: { normal: '보통', slow: '느리게', step: '한 단계씩', instant: '끔' },
  shareLink: '링크 복사',
  shareLinkLabel: '이 클러스터의 링크',
  linkCopied: '이 클러스터의 링크를 복사했습니다. 링크를 연 사람은 샌드박스에서 같은 클러스터를 받습니다.',
  linkShown: '이 클러스터의 링크가 버튼 옆 입력란에 있습니다. 거기서 복사해 주세요.',
  nextStep: '다음 단계',
  stageCaptions: [
    '3단계 중 1단계: 기존 파드가 종료되고 있습니다. 쿠버네티스는 파드를 옮기지 않습니다.',
    '3단계 중 2단계: 이를 대신할 새 파드가 만들어지고 노드에 스케줄됩니다.',
    '3단계 중 3단계: 데이터가 어떻게 되었는지 확인해 보세요.',
  ],
  historyStart: '처음 상태',
  historyLabel: (index: number, total: number) => `${total}단계 중 ${index}단계`,
  // 상세 정보 패널
  inspectorLabel: '상세 정보',
  inspectorEmpty:
    '파드, 노드, 디렉터리, 클레임, 볼륨, 디스크 중 하나를 선택하면 그 파일과 할 수 있는 작업이 여기에 나옵니다.',
  actions: '작업…',
  podSees: '컨테이너별로 보이는 파일',
  noFiles: '파일 없음',
  location: {
    'writable-layer': (c: string) => `${c} 컨테이너의 쓰기 가능 레이어 (컨테이너가 재시작되면 사라짐)`,
    emptyDir: (node: string, memory: boolean) =>
      memory
        ? `${node} 노드 메모리(tmpfs)의 emptyDir, 파드와 함께 삭제됨`
        : `${node} 노드 디스크의 emptyDir, 파드와 함께 삭제됨`,
    hostPath: (node: string, path: string) => `${node} 노드 디스크의 ${path}, 노드에 그대로 남음`,
    'local-volume': (node: string, path: string) =>
      `${node} 노드의 ${path}에 있는 로컬 볼륨, 노드에 그대로 남음`,
    'network-disk': (volume: string) => `${volume}의 네트워크 디스크, 클러스터 밖에 있으므로 파드를 따라감`,
  },
  mountedAt: (path: string, volume: string) => `${path} (볼륨 ${volume})`,
  readOnly: '읽기 전용',
  filesHere: '파일',
  // 작업 메뉴
  actionsFor: (what: string) => `${what}에 대한 작업`,
  close: '닫기',
  moveTo: '다른 노드로 옮기기…',
  chooseNode: '노드 선택',
  moveToNode: (node: string) => `${node} 노드로 옮기기`,
  writeFile: '파일 쓰기…',
  container: '컨테이너',
  mountPath: '디렉터리',
  fileName: '파일 이름',
  fileText: '내용',
  write: '쓰기',
  badFile:
    '파일 이름에는 영문자, 숫자, 점(.), 하이픈(-), 밑줄(_)만 쓸 수 있습니다. 내용에는 따옴표, $, 역슬래시를 쓸 수 없고 하이픈(-)으로 시작할 수 없습니다.',
  actionLabels: {
    crash: (c: string) => `${c} 컨테이너 강제 종료`,
    deletePod: () => '파드 삭제',
    scaleUp: (n: string) => `레플리카 ${n}개로 조정`,
    scaleDown: (n: string) => `레플리카 ${n}개로 조정`,
    cordon: () => '코든(cordon): 새 파드 배치 막기',
    uncordon: () => '언코든(uncordon)',
    drain: () => '드레인(drain)',
    fail: () => '노드 장애 일으키기',
    recover: () => '노드 복구',
    deleteClaim: () => '클레임 삭제',
    deleteVolume: () => '볼륨 삭제',
    releaseVolume: () => '다시 Available로 만들기 (claimRef 지우기)',
  } satisfies Record<ActionId, (arg: string) => string>,
  runs: '실행 명령',
  // 콘솔과 이벤트
  consoleLabel: '콘솔',
  // The accessible name must begin "Command" in every language (the tests and the contract rely on it).
  commandLabel: 'Command (명령)',
  commandHelp:
    'Enter 키로 실행하고, Shift+Enter로 줄을 추가하고, ↑·↓ 키로 이전 명령을 다시 불러옵니다. 예: kubectl get pods -o wide',
  run: '실행',
  outputLabel: '콘솔 출력',
  consoleEmpty: '직접 실행한 명령과 다이어그램 작업으로 실행된 명령이 여기에 표시됩니다.',
  errorOutput: '오류 출력',
  eventsLabel: (n: number) => `이벤트 (${n})`,
  noEvents: '아직 이벤트가 없습니다.',
  // 스크린 리더 안내
  ranCommand: (command: string, firstLine: string) => `실행한 명령: ${command}. ${firstLine}`,
  nothingChanged: (pod: string) => `${pod} 파드는 그대로 있습니다.`,
  recreated: (pod: string, replacement: string, node: string) =>
    replacement === pod
      ? `${pod} 파드가 ${node} 노드에 다시 만들어졌습니다.`
      : `${pod} 파드 대신 ${node} 노드에 ${replacement} 파드가 만들어졌습니다.`,
  pendingAfterMove: (replacement: string, node: string, reason: string) =>
    `대신 만들어진 ${replacement} 파드는 Pending 상태이며 ${node} 노드에서 실행될 수 없습니다. 이유: ${reason}`,
  noReplacement: (pod: string) => `${pod} 파드가 삭제되었습니다. 아직 이를 대신할 파드가 없습니다.`,
  lostEmptyDir: (volume: string, n: number) =>
    `${volume} emptyDir 볼륨은 빈 상태로 새로 시작했습니다. 파일 ${n}개가 사라졌습니다.`,
  lostLayer: (container: string, n: number) =>
    `${container} 컨테이너는 이미지에서 새로 시작했습니다. 쓰기 가능 레이어에 있던 파일 ${n}개가 사라졌습니다.`,
  leftBehindOn: (path: string, node: string, n: number) =>
    `${path}에 있던 파일 ${n}개는 ${node} 노드에 그대로 남았습니다.`,
  foundOnNode: (path: string, n: number) =>
    n === 0
      ? `새 노드의 ${path} 디렉터리는 비어 있습니다.`
      : `새 노드의 ${path} 디렉터리에는 파일 ${n}개가 있습니다.`,
  followedDisk: (volume: string, n: number) =>
    `${volume}의 네트워크 디스크가 파드를 따라왔습니다. 파일 ${n}개가 그대로 있습니다.`,
  undone: '실행을 취소했습니다.',
  redone: '다시 실행했습니다.',
  resetDone: '클러스터를 처음 상태로 되돌렸습니다.',
  reasons: {
    localVolume: '로컬 볼륨이 다른 노드의 디스크에 있어서, 파드는 그 노드에서만 실행될 수 있습니다.',
    cordoned: '그 노드가 코든(cordon)되어 있어서 스케줄러가 새 파드를 배치하지 않습니다.',
    nodeDown: '그 노드가 Ready 상태가 아닙니다(응답이 끊겼습니다).',
    controlPlane: '컨트롤 플레인의 테인트(taint) 때문에 일반 파드는 그 노드에 배치되지 않습니다.',
    diskConflict: '그 노드의 다른 파드가 이미 같은 디스크를 쓰고 있습니다.',
    noCapacity: '그 노드에서 쓸 수 있는 스토리지에 볼륨을 만들 공간이 없습니다.',
    unboundClaim: '파드의 클레임이 아직 볼륨에 바인딩되지 않았습니다.',
    claimMissing: '파드에 필요한 클레임이 존재하지 않습니다.',
    claimDeleting: '파드에 필요한 클레임이 삭제되는 중입니다.',
    readWriteOncePod: '파드의 ReadWriteOncePod 클레임을 이미 다른 파드가 쓰고 있습니다.',
    missingVolume: '파드의 클레임이 더 이상 존재하지 않는 볼륨에 바인딩되어 있습니다.',
    steering: '파드의 노드 셀렉터와 일치하는 노드가 없습니다.',
  } satisfies Record<ReasonKey, string>,
  pendingWhy: '왜 Pending인가요?',
};
