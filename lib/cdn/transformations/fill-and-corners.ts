import { hexColor, length, type Length, refuse } from './arguments.js';
import { type CdnOperation, operation } from './operation.js';

/** One radius for all corners, or 1 to 4 of them (top-left, top-right, bottom-right, bottom-left, as in CSS). */
export type Radii = Length | readonly Length[];

/** `-/setfill/:color/`: the background of transparent areas, crop/stretch fill and `border_radius` corners. */
export function setfillOperation(color: string): CdnOperation {
  return operation('setfill', hexColor('setfill', 'color', color));
}

function radii(argument: string, value: Radii): string {
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (list.length < 1 || list.length > 4) refuse('border_radius', argument, 'count', 'must hold 1 to 4 radii', value);
  return list.map((radius, i) => length('border_radius', list.length === 1 ? argument : `${argument}[${i}]`, radius, 0)).join(',');
}

/** `-/border_radius/:radii/[:vertical_radii/]`: rounded corners, in pixels or percent (elliptic with vertical radii). */
export function borderRadiusOperation(horizontal: Radii, vertical?: Radii): CdnOperation {
  const args = [radii('radii', horizontal)];
  if (vertical !== undefined) args.push(radii('verticalRadii', vertical));
  return operation('border_radius', ...args);
}
