import type { ThemeConfig } from 'antd';

/**
 * The red of the volunteers' vests for buttons and the menu. Focused fields get a neutral border:
 * a red one would read as an error.
 */
const FOCUS = { activeBorderColor: '#595959', hoverBorderColor: '#8c8c8c', activeShadow: '0 0 0 2px rgba(0, 0, 0, 0.06)' };
export const THEME: ThemeConfig = {
  token: { colorPrimary: '#c41d1d', borderRadius: 6 },
  components: {
    Input: FOCUS,
    InputNumber: FOCUS,
    DatePicker: FOCUS,
    Select: {
      activeBorderColor: FOCUS.activeBorderColor,
      hoverBorderColor: FOCUS.hoverBorderColor,
      activeOutlineColor: 'rgba(0, 0, 0, 0.06)',
    },
  },
};
