"use client";

import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type ChangeEvent,
  type ForwardedRef,
  type InputHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "@/lib/ui/cn";
import { charLimitStatus } from "@/lib/ui/char-limit";
import { Input, Textarea } from "./field";

/**
 * The count under a length-limited field, as the user types. The field has no native maxLength on
 * purpose: that cuts a pasted value silently, where this shows it over the limit and the server
 * refuses it (400) naming the field.
 */
function Counter({ id, length, max }: { id?: string; length: number; max: number }) {
  const status = charLimitStatus(length, max);
  return (
    <>
      <span
        id={id}
        aria-hidden="true"
        className={cn("self-end text-xs tabular-nums", status.over ? "font-medium text-danger" : "text-muted")}
      >
        {status.visible}
      </span>
      <span aria-live="polite" className="sr-only">
        {status.spoken}
      </span>
    </>
  );
}

const lengthOf = (value: unknown) => (typeof value === "string" ? value.length : 0);

type TCounted<T> = T & { max: number };

/** The typed length of an uncontrolled field, back to its default when its form is reset. */
function useTypedLength<T extends HTMLInputElement | HTMLTextAreaElement>(defaultValue: unknown, forwarded: ForwardedRef<T>) {
  const [typed, setTyped] = useState(lengthOf(defaultValue));
  const inner = useRef<T>(null);
  useImperativeHandle(forwarded, () => inner.current!, []);
  useEffect(() => {
    const form = inner.current?.form;
    if (!form) return;
    // A reset fires before the values change back: read them on the next frame.
    const onReset = () => requestAnimationFrame(() => setTyped(inner.current?.value.length ?? 0));
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);
  return { typed, setTyped, ref: inner };
}

export const CountedInput = forwardRef<HTMLInputElement, TCounted<InputHTMLAttributes<HTMLInputElement>>>(function CountedInput(
  { max, onChange, ...props },
  ref,
) {
  const { typed, setTyped, ref: ownRef } = useTypedLength<HTMLInputElement>(props.defaultValue, ref);
  const length = props.value !== undefined ? lengthOf(props.value) : typed;
  return (
    <>
      <Input
        ref={ownRef}
        {...props}
        aria-invalid={props["aria-invalid"] || length > max}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          setTyped(event.target.value.length);
          onChange?.(event);
        }}
      />
      <Counter length={length} max={max} />
    </>
  );
});

export const CountedTextarea = forwardRef<HTMLTextAreaElement, TCounted<TextareaHTMLAttributes<HTMLTextAreaElement>>>(
  function CountedTextarea({ max, onChange, ...props }, ref) {
    const { typed, setTyped, ref: ownRef } = useTypedLength<HTMLTextAreaElement>(props.defaultValue, ref);
    const length = props.value !== undefined ? lengthOf(props.value) : typed;
    return (
      <>
        <Textarea
          ref={ownRef}
          {...props}
          aria-invalid={props["aria-invalid"] || length > max}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
            setTyped(event.target.value.length);
            onChange?.(event);
          }}
        />
        <Counter length={length} max={max} />
      </>
    );
  },
);
