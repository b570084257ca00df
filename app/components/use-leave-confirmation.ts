import { useCallback, useEffect, useRef } from "react";
import { useBlocker, useNavigate } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";

/**
 * Leaving a form's page inside the app with unsaved changes asks first, in the admin's own words
 * (App Bridge's leave confirmation); leaving the app is App Bridge's save bar's to ask about.
 * Returns `leaveWithoutAsking`, for a page that navigates away itself once its work is done (an
 * override removed, say): the next navigation is not blocked.
 */
export function useLeaveConfirmation(dirty: boolean): { leaveWithoutAsking: () => void } {
  const shopify = useAppBridge();
  const navigate = useNavigate();
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    const next = blocker.location;
    blocker.reset();
    void shopify.saveBar.leaveConfirmation().then(() => {
      leaving.current = true;
      navigate(next);
    });
  }, [blocker, navigate, shopify]);
  const leaveWithoutAsking = useCallback(() => {
    leaving.current = true;
  }, []);
  return { leaveWithoutAsking };
}
