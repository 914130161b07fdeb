import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  children: ComponentChildren;
};

export function Button({ variant = 'secondary', type = 'button', class: cls, children, ...rest }: Props) {
  return (
    <button type={type} class={`btn btn-${variant} ${cls ?? ''}`} {...rest}>
      {children}
    </button>
  );
}
