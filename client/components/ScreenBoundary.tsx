import { Component, type ReactNode } from 'react';
import { ScreenStatus } from './ScreenStatus';

interface Props {
  screen: string;
  children: ReactNode;
}

/**
 * Screens load as chunks of their own. One that cannot be loaded (the app was replaced by a newer
 * build while this page stayed open) says so in place of the screen, and the menu stays usable,
 * instead of React unmounting the whole handheld.
 */
export class ScreenBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ScreenStatus screen={this.props.screen} failed /> : this.props.children;
  }
}
