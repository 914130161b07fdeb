import { t } from '../../i18n/i18n';
import type { Attitude, CheckState, EcoPerson, InstrumentKind, OutsiderKind, RunStatus } from '../../model/instrumentRun';
import type { Quadrant } from '../../model/powerInterest';

/** The labels of instruments, their questions and their entries. Ids come from src/model/instruments.ts. */
export const kindName = (kind: InstrumentKind): string => t(`instruments.kinds.${kind}.name`);
export const kindPurpose = (kind: InstrumentKind): string => t(`instruments.kinds.${kind}.purpose`);
export const sectionLabel = (id: string): string => t(`instruments.sections.${id}` as 'instruments.sections.lrSubject');
export const itemLabel = (id: string): string => t(`instruments.items.${id}` as 'instruments.items.lrTheme');
export const statusLabel = (status: RunStatus): string => t(`instruments.status.${status}`);
export const checkLabel = (state: Exclude<CheckState, ''>): string => t(`instruments.checkStates.${state}`);
export const quadrantName = (q: Quadrant): string => t(`instruments.grid.quadrants.${q}.name`);
export const quadrantMeaning = (q: Quadrant): string => t(`instruments.grid.quadrants.${q}.meaning`);
export const levelLabel = (level: 'high' | 'low'): string => t(`instruments.levels.${level}`);
export const groupLabel = (group: EcoPerson['group']): string => t(`instruments.eco.groups.${group}`);
export const tieLabel = (tie: EcoPerson['tie']): string => t(`instruments.eco.ties.${tie}`);
export const supportLabel = (support: EcoPerson['supports'][number]): string => t(`instruments.eco.supportKinds.${support}`);
export const attitudeLabel = (attitude: Attitude | 'unknown'): string => t(`instruments.grid.attitudes.${attitude}`);
export const attitudeOption = (attitude: Attitude | 'unknown'): string => t(`instruments.grid.attitudeOptions.${attitude}`);
export const whoLabel = (who: OutsiderKind): string => t(`instruments.grid.whoKinds.${who}`);
