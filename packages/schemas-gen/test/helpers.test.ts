import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../src/external.js';
import { evalConstraint, fileNameExcluded, headerAdmits } from '../src/go/buildtags.js';
import { parseDuration } from '../src/go/eval.js';

describe('helpers', () => {
  it('formats and parses durations and sizes like Go', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(1.5e9)).toBe('1.5s');
    expect(formatDuration(500e6)).toBe('500ms');
    expect(formatDuration(90e9)).toBe('1m30s');
    expect(formatDuration(3600e9)).toBe('1h0m0s');
    expect(parseDuration('1h30m')).toBe(5400e9);
    expect(parseDuration('250ms')).toBe(250e6);
    expect(parseDuration('bogus')).toBeNull();
    expect(formatBytes(1024 * 1024)).toBe('1MiB');
    expect(formatBytes(512 * 1024)).toBe('512KiB');
  });

  it('evaluates build constraints for linux/amd64', () => {
    expect(fileNameExcluded('x_windows.go')).toBe(true);
    expect(fileNameExcluded('x_darwin_arm64.go')).toBe(true);
    expect(fileNameExcluded('x_linux.go')).toBe(false);
    expect(fileNameExcluded('x_test.go')).toBe(true);
    expect(fileNameExcluded('types_convert.go')).toBe(false);
    expect(evalConstraint('linux && cgo && promtail_journal_enabled')).toBe(true);
    expect(evalConstraint('!linux || !cgo')).toBe(false);
    expect(evalConstraint('(linux && arm64) || (linux && amd64)')).toBe(true);
    expect(evalConstraint('!(linux && (arm64 || amd64))')).toBe(false);
    expect(headerAdmits('//go:build freebsd || openbsd\n\npackage x\n')).toBe(false);
    expect(headerAdmits('// +build windows\n\npackage x\n')).toBe(false);
    expect(headerAdmits('// Package x.\npackage x\n')).toBe(true);
  });
});
