// What a blind user hears when the app opens with Orca running, and when they Tab through it; and a
// structural check of the accessibility tree Orca reads (roles, names, states, levels, live regions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodes, press, waitUntilReady } from './support/helpers';
import { requireStack, startScreenReader, type ScreenReaderStack } from './support/stack';

requireStack();
let sr: ScreenReaderStack;

beforeAll(async () => {
  sr = await startScreenReader();
  console.log(`[screen reader] stack up in ${sr.startedInMs} ms`);
  await waitUntilReady(sr.page);
});
afterAll(async () => {
  await sr?.close();
});

describe('opening the app under Orca', () => {
  it('says the document has loaded and that the interview is ready, and nothing stray', async () => {
    await sr.transcript.waitFor(/Finished loading/);
    const ready = await sr.transcript.waitFor(/China sieht alles.*ready|bereit/i, { timeoutMs: 10_000 });
    expect(ready.text).toMatch(/17 chapters/);
    const said = await sr.transcript.settle(0, 1000, 6000);
    console.log('[orca] load →\n    ' + sr.transcript.text().join('\n    '));
    expect(said.map((u) => u.text)).not.toContain('1.0×');
    // "Opening…" is on the page until the document is read; Orca reads it when the page finished
    // loading first (a cold start). Once at most, and never after the document said it is ready.
    const opening = said.flatMap((u, i) => (/Opening/.test(u.text) ? [i] : []));
    expect(opening.length).toBeLessThanOrEqual(1);
    if (opening.length) expect(opening[0]).toBeLessThan(said.findIndex((u) => u.t === ready.t && u.text === ready.text));
  });

  it('Tabs through named controls in a sensible order, with the player second', async () => {
    const stops: string[] = [];
    for (let i = 0; i < 14; i++) stops.push((await press(sr, 'Tab', { quietMs: 400 })).text);
    expect(stops[0]).toMatch(/Skip to the transcript link/);
    expect(stops[1]).toMatch(/Skip to the player/);
    expect(stops[2]).toMatch(/Library push button/);
    expect(stops[3]).toMatch(/Search the transcript and your notes editable combo box/);
    expect(stops.join('\n')).toMatch(/Keys push button[\s\S]*Settings push button[\s\S]*1\. Der erste digitale Überwachungsstaat \(length 18 seconds\) push button/);
    // No control is heard without a name ("push button" alone) or twice in a row.
    for (const stop of stops) expect(stop).not.toMatch(/^(push button|link|combo box)/);
    // Back to the top, and the second stop takes the user to Play.
    await press(sr, 'ctrl+Home');
    await press(sr, 'Tab');
    const toPlayer = await press(sr, 'Return', { until: /Play push button/ });
    expect(toPlayer.text).toMatch(/Play push button/);
  });

  it('exposes named controls, heading levels and live regions to AT-SPI', async () => {
    const started = Date.now();
    const tree = await sr.accessibilityTree();
    console.log(`[atspi] tree read in ${Date.now() - started} ms`);
    const all = [...nodes(tree)];
    const controls = all.filter((n) => n.states.includes('focusable') && /push button|toggle button|link|combo box|slider|check box|entry/.test(n.role) && !n.states.includes('invisible'));
    const unnamed = controls.filter((n) => !n.name.trim());
    expect(unnamed.map((n) => n.role)).toEqual([]);
    const names = controls.filter((n) => n.states.includes('showing')).map((n) => `${n.role}: ${n.name.trim()}`);
    const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
    expect(duplicates).toEqual([]);
    const headings = all.filter((n) => n.role === 'heading').map((n) => `${n.attributes['level']} ${n.name}`);
    expect(headings[0]).toBe('1 Mitlesen China sieht alles');
    expect(headings).toContain('2 Chapters');
    expect(headings.some((h) => /^2 Der erste digitale Überwachungsstaat/.test(h))).toBe(true);
    const landmarks = all.filter((n) => n.role === 'landmark').map((n) => n.attributes['xml-roles']);
    expect(landmarks).toEqual(expect.arrayContaining(['banner', 'navigation', 'main', 'search']));
    expect(all.some((n) => n.attributes['xml-roles'] === 'region' && n.name === 'Player')).toBe(true);
    const live = all.filter((n) => n.attributes['live'] && n.attributes['live'] !== 'off');
    expect(live.length).toBeGreaterThanOrEqual(3);
    // The speed readout is seen, not announced (the slider says the speed).
    expect(all.some((n) => n.attributes['live'] && n.attributes['live'] !== 'off' && /×/.test(n.text ?? n.name))).toBe(false);
    const toolbar = all.find((n) => n.role === 'tool bar');
    expect(toolbar?.name).toBe('Player controls');
  });
});
