import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';

const SAMPLE_SUFFIXES = ['.samples.yaml', '.samples.yml', '.samples.json'];

/**
 * "Run pipeline on samples" and "Run pipeline tests": the `alloy-lint` CLI the extension ships
 * (`run`, `test`) in a child process, its report in the "Alloy pipeline" output channel. The file is
 * saved first, since the CLI reads the disk.
 */
export class Runner implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('Alloy pipeline');

  constructor(private readonly cli: string) {}

  async runSamples(document: vscode.TextDocument | undefined): Promise<void> {
    if (!document || document.uri.scheme !== 'file' || !document.fileName.endsWith('.alloy')) {
      void vscode.window.showWarningMessage('Run pipeline on samples: open a saved Alloy file (*.alloy) first.');
      return;
    }
    if (document.isDirty && !(await document.save())) return;
    const samples = await this.samplesFor(document.fileName);
    if (!samples) return;
    await this.cliRun(['run', document.fileName, '--inputs', samples], dirname(document.fileName), `run ${basename(document.fileName)} on ${basename(samples)}`);
  }

  async runTests(document: vscode.TextDocument | undefined): Promise<void> {
    const folder = (document && vscode.workspace.getWorkspaceFolder(document.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') {
      void vscode.window.showWarningMessage('Run pipeline tests: open a folder that holds test.yaml or *.test.yaml files.');
      return;
    }
    await vscode.workspace.saveAll(false);
    const code = await this.cliRun(['test', '.'], folder.uri.fsPath, `pipeline tests in ${folder.name}`);
    if (code === 1) void vscode.window.showErrorMessage('Alloy pipeline tests failed: see the "Alloy pipeline" output.');
  }

  /** `<name>.samples.yaml` beside the config, else the user picks a file. */
  private async samplesFor(config: string): Promise<string | undefined> {
    const stem = config.slice(0, -'.alloy'.length);
    const beside = SAMPLE_SUFFIXES.map((s) => stem + s).find((p) => existsSync(p));
    if (beside) return beside;
    const picked = await vscode.window.showOpenDialog({
      title: `Samples for ${basename(config)} (no ${basename(stem)}.samples.yaml beside it)`,
      defaultUri: vscode.Uri.file(dirname(config)),
      canSelectMany: false,
      filters: { Samples: ['yaml', 'yml', 'json'] },
    });
    return picked?.[0]?.fsPath;
  }

  /** Runs the CLI, streaming its output to the channel; resolves with its exit code. */
  private cliRun(args: string[], cwd: string, title: string): Promise<number> {
    this.output.clear();
    this.output.show(true);
    this.output.appendLine(`$ alloy-lint ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
    return new Promise((resolve) => {
      // In VS Code's Electron, ELECTRON_RUN_AS_NODE makes its binary a plain Node.
      const child = spawn(process.execPath, [this.cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ELECTRON_RUN_AS_NODE: '1' } });
      child.stdout.on('data', (d: Buffer) => this.output.append(d.toString()));
      child.stderr.on('data', (d: Buffer) => this.output.append(d.toString()));
      child.on('error', (e) => {
        this.output.appendLine(`could not start alloy-lint: ${e.message}`);
        resolve(2);
      });
      child.on('close', (code) => {
        this.output.appendLine(`\n${title}: exit code ${code}`);
        resolve(code ?? 2);
      });
    });
  }

  dispose(): void {
    this.output.dispose();
  }
}
