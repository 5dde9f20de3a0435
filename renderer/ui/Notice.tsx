// A message the user should read, with a way on (an action, or dismissing it).
import type { ReactNode } from 'react';
import './notice.css';

export interface NoticeAction {
  label: string;
  onClick(): void;
}

export function Notice({ tone, title, children, actions }: { tone: 'error' | 'warning' | 'info'; title: string; children?: ReactNode; actions: NoticeAction[] }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="notice-title">{title}</p>
      {children}
      <div className="notice-actions">
        {actions.map((action) => (
          <button key={action.label} type="button" onClick={action.onClick}>
            {action.label}
          </button>
        ))}
      </div>
    </div>
  );
}
