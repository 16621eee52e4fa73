"use client";

import type { TFlowMap } from "@/lib/maps/model/schemas";
import { ConnectDialog } from "./connect-dialog";
import { EdgeInspector, NodeInspector, type TSaveResult } from "./inspector";
import { HistoryPanel } from "./history-panel";
import { ImportDialog } from "./import-dialog";
import { ConfirmDialog, ShortcutsDialog } from "./panels";
import type { useMapCommands } from "./use-map-commands";

type TCommands = ReturnType<typeof useMapCommands>;

/** The pane beside the canvas: the selected element's inspector, else the history when it is open. */
export function EditorSidePane({
  surfaceId,
  map,
  selectedId,
  readOnly,
  commands,
  viewVersion,
  onView,
}: {
  surfaceId: string;
  map: TFlowMap;
  selectedId: string | null;
  readOnly: boolean;
  commands: TCommands;
  viewVersion: number | null;
  onView: (version: number | null) => void;
}) {
  const node = selectedId ? map.nodes.find((candidate) => candidate.id === selectedId) : undefined;
  const edge = selectedId ? map.edges.find((candidate) => candidate.id === selectedId) : undefined;
  const common = { map, readOnly, onSave: commands.saveElement as (...args: Parameters<TCommands["saveElement"]>) => Promise<TSaveResult> };
  if (node)
    return (
      <NodeInspector
        key={node.id}
        {...common}
        node={node}
        onDelete={commands.openDelete}
        onClose={commands.clearSelection}
        onConnect={commands.openConnect}
      />
    );
  if (edge) return <EdgeInspector key={edge.id} {...common} edge={edge} onDelete={commands.openDelete} onClose={commands.clearSelection} />;
  if (commands.dialogs.history)
    return <HistoryPanel surfaceId={surfaceId} viewing={viewVersion} onView={onView} onClose={commands.closeHistory} />;
  return null;
}

/** The editor's dialogs: delete, shortcuts, import, and "Connect to…" from the selected node. */
export function EditorDialogs({
  surfaceId,
  map,
  selection,
  canEdit,
  commands,
  onConnect,
}: {
  surfaceId: string;
  map: TFlowMap;
  selection: { nodes: string[]; edges: string[] };
  canEdit: boolean;
  commands: TCommands;
  onConnect: (sourceId: string, targetId: string) => void;
}) {
  const { dialogs, open } = commands;
  const count = selection.nodes.length + selection.edges.length;
  const source =
    dialogs.connect && selection.nodes.length === 1 ? (map.nodes.find((node) => node.id === selection.nodes[0]) ?? null) : null;
  return (
    <>
      <ConfirmDialog
        open={dialogs.delete}
        onOpenChange={(value) => open("delete", value)}
        title={count === 1 ? "Delete this element?" : `Delete ${count} elements?`}
        description={
          selection.nodes.length > 0 ? "Deleting a node also deletes every flow to and from it. You can undo this." : "You can undo this."
        }
        confirmLabel="Delete"
        onConfirm={() => void commands.deleteSelection()}
      />
      <ShortcutsDialog open={dialogs.shortcuts} onOpenChange={(value) => open("shortcuts", value)} />
      {canEdit && (
        <ImportDialog
          surfaceId={surfaceId}
          counts={{ nodes: map.nodes.length, edges: map.edges.length }}
          open={dialogs.import}
          onOpenChange={(value) => open("import", value)}
        />
      )}
      <ConnectDialog
        source={source}
        nodes={map.nodes}
        onClose={() => open("connect", false)}
        onConnect={(targetId) => {
          open("connect", false);
          if (source) onConnect(source.id, targetId);
        }}
      />
    </>
  );
}
