/** `forecasting:` of forecasting jobs (`ForecastingSettings`). */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';
import {
  FEATURE_LAGS_VALUES,
  SHORT_SERIES_HANDLING,
  TARGET_AGGREGATE_FUNCTIONS,
  USE_STL_VALUES,
} from './automl-enums.js';

const autoOrInt = () => s.union([s.literal('auto'), s.integer()], "'auto' or an integer");
const oneOrMany = () => s.union([s.string(), s.array(s.string())], 'a string or a list of strings');

/** Forecasting settings. */
export const forecastingSettingsSchema = s.object(
  {
    country_or_region_for_holidays: s.string().optional(),
    cv_step_size: s.integer().optional(),
    feature_lags: s.enum(FEATURE_LAGS_VALUES).optional(),
    features_unknown_at_forecast_time: oneOrMany().optional(),
    forecast_horizon: autoOrInt().optional(),
    frequency: s.string().optional().describe('A pandas offset alias, e.g. D or H.'),
    seasonality: autoOrInt().optional(),
    short_series_handling_config: s.enum(SHORT_SERIES_HANDLING).optional(),
    target_aggregate_function: s.enum(TARGET_AGGREGATE_FUNCTIONS).optional(),
    target_lags: s
      .union(
        [s.literal('auto'), s.integer(), s.array(s.integer())],
        "'auto', an integer or a list of integers",
      )
      .optional(),
    target_rolling_window_size: autoOrInt().optional(),
    time_column_name: s.string().optional(),
    time_series_id_column_names: oneOrMany().optional(),
    use_stl: s.enum(USE_STL_VALUES).optional(),
  },
  { expected: 'a forecasting settings mapping' },
);

/** Forecasting settings. */
export type ForecastingSettings = Infer<typeof forecastingSettingsSchema>;
