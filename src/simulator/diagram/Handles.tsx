import { Handle, Position } from '@xyflow/react';

/** Edge anchors (never for drawing new connections): edges run down from pods, up from local volumes. */
export function Handles() {
  return (
    <>
      <Handle
        id="top-in"
        type="target"
        position={Position.Top}
        isConnectable={false}
        className="kvl-handle"
      />
      <Handle
        id="bottom-out"
        type="source"
        position={Position.Bottom}
        isConnectable={false}
        className="kvl-handle"
      />
      <Handle
        id="top-out"
        type="source"
        position={Position.Top}
        isConnectable={false}
        className="kvl-handle"
      />
      <Handle
        id="bottom-in"
        type="target"
        position={Position.Bottom}
        isConnectable={false}
        className="kvl-handle"
      />
    </>
  );
}
