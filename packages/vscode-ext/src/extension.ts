import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { GraphPanel } from './graph-panel.js';
import { Runner } from './runner.js';

/** The language id: Grafana's own extension uses it too, so the two agree on `*.alloy`. */
export const LANGUAGE = 'grafana-alloy';
const SECTION = 'alloyLint';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Grafana Alloy', { log: true });
  const graph = new GraphPanel(() => client);
  const runner = new Runner(context.asAbsolutePath('node_modules/@alloy-lint/cli/bin/alloy-lint.cjs'));
  context.subscriptions.push(
    log,
    graph,
    runner,
    vscode.commands.registerCommand('alloyLint.showGraph', () => graph.show(vscode.window.activeTextEditor?.document)),
    vscode.commands.registerCommand('alloyLint.runSamples', () => runner.runSamples(vscode.window.activeTextEditor?.document)),
    vscode.commands.registerCommand('alloyLint.runTests', () => runner.runTests(vscode.window.activeTextEditor?.document)),
    vscode.commands.registerCommand('alloyLint.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('alloy-lint.switchRelease', switchRelease),
    // The documents the client hands the server change with alloyLint.yaml: a new client then.
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(`${SECTION}.yaml`)) return;
      await client?.stop();
      client = newClient(context, log);
      await client.start();
    }),
  );
  client = newClient(context, log);
  await client.start();
}

/** A language client for Alloy files, and YAML files too while alloyLint.yaml is on. */
function newClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const server = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: server, transport: TransportKind.ipc },
    debug: { module: server, transport: TransportKind.ipc, options: { execArgv: ['--inspect=6010'] } },
  };
  const languages = vscode.workspace.getConfiguration(SECTION).get<boolean>('yaml', false) ? [LANGUAGE, 'yaml'] : [LANGUAGE];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: SECTION },
    outputChannel: log,
  };
  return new LanguageClient('alloyLint', 'Grafana Alloy', serverOptions, clientOptions);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** The "switch Alloy release" code action: sets `alloyLint.alloyVersion` where the file's settings live. */
async function switchRelease(version: string, uri?: string): Promise<void> {
  const resource = uri ? vscode.Uri.parse(uri) : undefined;
  const folder = resource && vscode.workspace.getWorkspaceFolder(resource);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION, resource).update('alloyVersion', version, target);
  void vscode.window.showInformationMessage(`Alloy release for ${folder?.name ?? 'this window'}: ${version}`);
}
