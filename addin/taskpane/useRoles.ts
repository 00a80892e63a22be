/**
 * The 评分人类别 the 评分 step offers: the defaults at once, then those of the workbook's 参数 once read.
 * A failed read is shown (as a warning beside the pickers), never hidden; the defaults stay usable.
 * The host reads the whole workbook, which can take seconds in Excel: read once per controller (the
 * first time the 评分 step opens, in the background while names are typed), again only after a failure.
 */
import { useEffect, useRef, useState } from 'react';
import { HostError } from '../host';
import type { Controller } from './controller';

/** 评分人类别权重's default roles (engine DEFAULTS), offered until 参数 is read. */
export const DEFAULT_ROLES: readonly string[] = ['上级', '自评'];

export function useRoles(controller: Controller, active: boolean): { roles: readonly string[]; error: string | undefined } {
  const [roles, setRoles] = useState<readonly string[]>(DEFAULT_ROLES);
  const [error, setError] = useState<string | undefined>(undefined);
  const loadedFor = useRef<Controller | null>(null);
  useEffect(() => {
    if (!active || loadedFor.current === controller) return undefined;
    loadedFor.current = controller;
    let live = true;
    let settled = false;
    controller.roles().then(
      (r) => {
        settled = true;
        if (!live) return;
        setRoles(r.length > 0 ? r : DEFAULT_ROLES);
        setError(undefined);
      },
      (e: unknown) => {
        settled = true;
        if (loadedFor.current === controller) loadedFor.current = null;
        if (live) setError(e instanceof HostError || e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
      // Left before the answer came: let the next activation ask again.
      if (!settled && loadedFor.current === controller) loadedFor.current = null;
    };
  }, [controller, active]);
  return { roles, error };
}
