/**
 * The Kabar News block in the editor: the real widget as the preview (assets/kabar.js mounts the
 * <kabar-news> element below and re-renders it when its attributes change), and sidebar controls
 * generated from the widget's contract (window.kabarNewsEditor.controls, from contract.json), so
 * this file holds no list of attributes of its own. No build step: plain wp.* globals.
 */
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var useRef = wp.element.useRef;
	var useEffect = wp.element.useEffect;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor;
	var components = wp.components;
	var useSelect = wp.data.useSelect;
	var config = window.kabarNewsEditor || { controls: [], siteDefaults: {}, postsUrl: '/wp-json/wp/v2/posts', relayHosts: [], relayUrl: '', siteOrigin: '' };

	// Which sidebar panel a control sits in (presentation only; a control not named here goes to
	// "More settings", so a new contract attribute still appears).
	var PANELS = [
		{ id: 'feed', title: __( 'Feed and layout', 'kabar-news' ), open: true, names: [ 'layout', 'limit', 'columns', 'lang', 'heading' ] },
		{ id: 'look', title: __( 'Appearance', 'kabar-news' ), names: [ 'theme', 'accent', 'show', 'date', 'image-ratio', 'min-card-width', 'heading-level', 'fallback-image', 'excerpt' ] },
		{ id: 'filter', title: __( 'Filters, search and chips', 'kabar-news' ), names: [ 'category', 'exclude-category', 'include', 'exclude', 'since', 'search', 'chips', 'sort' ] },
		{ id: 'reader', title: __( 'Reader and links', 'kabar-news' ), names: [ 'reader', 'target' ] },
	];
	// Not offered in the sidebar: the feed has its own list control; strings are JSON for experts
	// (the shortcode and the settings still take them).
	var HIDDEN = [ 'feed', 'strings' ];

	function controlFor( name ) {
		for ( var i = 0; i < config.controls.length; i++ ) {
			if ( config.controls[ i ].name === name ) return config.controls[ i ];
		}
		return null;
	}

	function origin( url ) {
		try {
			var u = new URL( url, window.location.href );
			return u.protocol + '//' + u.host;
		} catch ( e ) {
			return '';
		}
	}

	function hostKey( url ) {
		try {
			var u = new URL( url );
			if ( u.protocol !== 'http:' && u.protocol !== 'https:' ) return null;
			return u.host.toLowerCase();
		} catch ( e ) {
			return null;
		}
	}

	// The same rewrite as the server (Kabar_News_Widget::relay_feeds): allowlisted feeds from
	// another origin go through this site's relay.
	function relayed( url ) {
		var key = hostKey( url );
		if ( key && config.relayHosts.indexOf( key ) >= 0 && origin( url ) !== config.siteOrigin ) {
			return config.relayUrl + ( config.relayUrl.indexOf( '?' ) >= 0 ? '&' : '?' ) + 'url=' + encodeURIComponent( url );
		}
		return url;
	}

	// Block attributes → the element's attributes, as the server renders them.
	function elementAttributes( attributes, categoryId ) {
		var out = {};
		Object.keys( config.siteDefaults || {} ).forEach( function ( name ) {
			out[ name ] = String( config.siteDefaults[ name ] );
		} );
		var feeds = ( attributes.feeds || [] ).map( function ( f ) { return String( f ).trim(); } ).filter( Boolean );
		config.controls.forEach( function ( control ) {
			if ( control.name === 'feed' ) return;
			var value = attributes[ control.attribute ];
			if ( value === undefined || value === null || value === '' ) return;
			if ( control.kind === 'boolean' ) {
				if ( value ) out[ control.name ] = '';
				else delete out[ control.name ];
				return;
			}
			out[ control.name ] = String( value );
		} );
		if ( config.siteDefaults && config.siteDefaults.search === 'false' ) delete out.search;
		if ( config.siteDefaults && config.siteDefaults.chips === 'false' ) delete out.chips;
		if ( feeds.length ) {
			out.feed = feeds.map( relayed ).join( ' ' );
		} else {
			delete out.category;
			var url = config.postsUrl + ( config.postsUrl.indexOf( '?' ) >= 0 ? '&' : '?' ) + '_embed=1';
			if ( categoryId ) url += '&categories=' + categoryId;
			out.feed = url;
		}
		// In the editor the preview starts at once and never keeps an old copy.
		out.loading = 'eager';
		return out;
	}

	// The real widget. Attributes are set on the element itself, so the widget's own
	// attributeChangedCallback re-renders it in place.
	function Preview( props ) {
		var holder = useRef( null );
		var attrs = props.attrs;
		useEffect( function () {
			var host = holder.current;
			if ( ! host ) return undefined;
			var widget = host.querySelector( 'kabar-news' );
			if ( ! widget ) {
				widget = document.createElement( 'kabar-news' );
				host.appendChild( widget );
			}
			Array.prototype.slice.call( widget.attributes ).forEach( function ( a ) {
				if ( ! ( a.name in attrs ) ) widget.removeAttribute( a.name );
			} );
			Object.keys( attrs ).forEach( function ( name ) {
				if ( widget.getAttribute( name ) !== attrs[ name ] ) widget.setAttribute( name, attrs[ name ] );
			} );
			return undefined;
		}, [ JSON.stringify( attrs ) ] );
		return el( 'div', { ref: holder, className: 'kabar-news-preview' } );
	}

	function help( control ) {
		var text = control.description || '';
		if ( control.default !== null && control.default !== undefined ) text += ' ' + __( 'Default:', 'kabar-news' ) + ' ' + control.default;
		else if ( control.defaultText ) text += ' ' + __( 'Default:', 'kabar-news' ) + ' ' + control.defaultText;
		return text;
	}

	// One control, by the attribute's kind in the contract.
	function Control( props ) {
		var control = props.control;
		var value = props.value;
		var set = props.onChange;
		var label = control.name;
		switch ( control.kind ) {
			case 'keyword':
				return el( components.SelectControl, {
					label: label,
					help: help( control ),
					value: value || '',
					options: [ { label: __( '(default)', 'kabar-news' ), value: '' } ].concat(
						control.keywords.map( function ( k ) { return { label: k, value: k }; } )
					),
					onChange: function ( v ) { set( v || undefined ); },
				} );
			case 'boolean':
				return el( components.ToggleControl, {
					label: label,
					help: help( control ),
					checked: !! value,
					onChange: function ( v ) { set( v ); },
				} );
			case 'number':
				return el( components.TextControl, {
					label: label,
					help: help( control ),
					type: 'number',
					min: control.min,
					max: control.max,
					value: value === undefined || value === null ? '' : String( value ),
					onChange: function ( v ) {
						var n = parseInt( v, 10 );
						set( isNaN( n ) ? undefined : n );
					},
				} );
			case 'parts':
				var chosen = value ? String( value ).split( ',' ) : String( control.default || '' ).split( ',' );
				return el(
					components.BaseControl,
					{ label: label, help: help( control ), id: 'kabar-news-' + control.name },
					control.keywords.map( function ( part ) {
						return el( components.CheckboxControl, {
							key: part,
							label: part,
							checked: chosen.indexOf( part ) >= 0,
							onChange: function ( on ) {
								var next = control.keywords.filter( function ( p ) {
									return p === part ? on : chosen.indexOf( p ) >= 0;
								} );
								set( next.join( ',' ) );
							},
						} );
					} )
				);
			default:
				return el( components.TextControl, {
					label: label,
					help: help( control ),
					value: value || '',
					onChange: function ( v ) { set( v === '' ? undefined : v ); },
				} );
		}
	}

	// The feed list: one URL per row; none means this site's own posts.
	function FeedsControl( props ) {
		var feeds = props.feeds.length ? props.feeds : [];
		return el(
			'div',
			{ className: 'kabar-news-feeds' },
			el( 'p', {}, feeds.length ? __( 'Feeds (each URL on its own line):', 'kabar-news' ) : __( 'No feed: this site\'s latest posts are shown.', 'kabar-news' ) ),
			el( components.TextareaControl, {
				label: __( 'Feed URLs', 'kabar-news' ),
				help: __( 'One URL per line. Feeds from hosts on the relay allowlist (Settings → Kabar News) go through this site.', 'kabar-news' ),
				value: feeds.join( '\n' ),
				onChange: function ( v ) {
					props.onChange( v.split( /\s+/ ).filter( Boolean ) );
				},
			} )
		);
	}

	function CategoryPicker( props ) {
		var categories = useSelect( function ( select ) {
			return select( 'core' ).getEntityRecords( 'taxonomy', 'category', { per_page: 100, hide_empty: false } );
		}, [] );
		var options = [ { label: __( 'All categories', 'kabar-news' ), value: '' } ].concat(
			( categories || [] ).map( function ( c ) { return { label: c.name, value: c.slug }; } )
		);
		return el( components.SelectControl, {
			label: __( 'Category of this site\'s posts', 'kabar-news' ),
			value: props.value || '',
			options: options,
			onChange: function ( v ) { props.onChange( v, ( categories || [] ).filter( function ( c ) { return c.slug === v; } )[ 0 ] ); },
		} );
	}

	function Edit( props ) {
		var attributes = props.attributes;
		var setAttributes = props.setAttributes;
		var categoryId = useSelect( function ( select ) {
			if ( ! attributes.category ) return 0;
			var found = select( 'core' ).getEntityRecords( 'taxonomy', 'category', { slug: attributes.category } );
			return found && found[ 0 ] ? found[ 0 ].id : 0;
		}, [ attributes.category ] );
		var blockProps = blockEditor.useBlockProps();
		var feeds = attributes.feeds || [];

		function controlElement( control ) {
			return el( Control, {
				key: control.name,
				control: control,
				value: attributes[ control.attribute ],
				onChange: function ( v ) {
					var change = {};
					change[ control.attribute ] = v;
					setAttributes( change );
				},
			} );
		}
		var placed = [];
		var panels = PANELS.map( function ( panel ) {
			var items = [];
			if ( panel.id === 'feed' ) {
				items.push( el( FeedsControl, { key: 'feeds', feeds: feeds, onChange: function ( list ) { setAttributes( { feeds: list } ); } } ) );
				if ( ! feeds.length ) {
					items.push( el( CategoryPicker, { key: 'site-category', value: attributes.category, onChange: function ( slug ) { setAttributes( { category: slug } ); } } ) );
				}
			}
			panel.names.forEach( function ( name ) {
				var control = controlFor( name );
				if ( ! control || HIDDEN.indexOf( name ) >= 0 ) return;
				placed.push( name );
				// The category filter reads the feed's categories; with the site's own posts the
				// picker above chooses one instead.
				if ( name === 'category' && ! feeds.length ) return;
				items.push( controlElement( control ) );
			} );
			return el( components.PanelBody, { key: panel.id, title: panel.title, initialOpen: !! panel.open }, items );
		} );
		var rest = config.controls.filter( function ( c ) {
			return placed.indexOf( c.name ) < 0 && HIDDEN.indexOf( c.name ) < 0;
		} );
		panels.push( el( components.PanelBody, { key: 'more', title: __( 'More settings', 'kabar-news' ), initialOpen: false }, rest.map( controlElement ) ) );

		return el(
			'div',
			blockProps,
			el( blockEditor.InspectorControls, {}, panels ),
			el( Preview, { attrs: elementAttributes( attributes, categoryId ) } )
		);
	}

	wp.blocks.registerBlockType( 'kabar/news', {
		edit: Edit,
		save: function () { return null; },
	} );
}( window.wp ) );
