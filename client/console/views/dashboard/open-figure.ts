import type { FigureQuery } from '../../../api/dashboard';

/** Opens a figure's rows: which rows (the page adds the site and warehouse chosen), its title, and how many it counted. */
export type OpenFigure = (query: Omit<FigureQuery, 'site'>, title: string, rows: number) => void;
