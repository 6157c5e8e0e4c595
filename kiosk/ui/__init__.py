"""Qt screens. Thin views over the services in kiosk.core; behaviour lives in controllers."""
