/** The landing page. */
package tw.yanshou.home;
