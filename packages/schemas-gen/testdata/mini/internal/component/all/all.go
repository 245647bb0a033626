// Package all imports every component.
package all

import (
	_ "example.com/mini/internal/component/demo"  // demo.widget, demo.const
	_ "example.com/mini/internal/component/other" // other.thing
)
