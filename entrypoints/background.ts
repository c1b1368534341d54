import { startBackground } from '../src/extension/background/start';

export default defineBackground(() => {
  startBackground();
});
