/**
 * Where a proxy case (全程代办) stands, as the point's agent tells the applicant: on its way
 * (送出中), at the deciding hall (已送达), asked for more papers there (待补正), accepted (受理),
 * in hand (办理中), concluded (办结), or sent back (退回). The point's own status says whether it
 * travelled; once delivered, the target case's status as the region last brought it says the rest.
 */
export const PROXY_STAGES = ['sending', 'delivered', 'supplement', 'accepted', 'handling', 'concluded', 'returned'] as const;
export type ProxyStage = (typeof PROXY_STAGES)[number];
